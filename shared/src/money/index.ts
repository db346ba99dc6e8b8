/** Money: integer minor units plus an ISO 4217 code; arithmetic across currencies needs an explicit rate. */
export { minorUnitExponent } from './currency.ts';
export { convertMoney, divideHalfEven, ExchangeRateSchema, type ExchangeRate } from './convert.ts';
export { formatMoney } from './format.ts';
export {
  addMoney,
  checkedAmount,
  compareMoney,
  CurrencyCodeSchema,
  money,
  MoneySchema,
  subtractMoney,
  sumMoney,
  type Money,
} from './money.ts';
