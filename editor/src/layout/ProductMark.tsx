import { useTheme } from '../theme/theme-context.ts';

/** The partner's logo (or a monogram) and product name, from the theme. */
export function ProductMark() {
  const theme = useTheme();
  return (
    <span className="cs-product">
      {theme.logoUrl ? <img className="cs-logo-img" src={theme.logoUrl} alt="" /> : <span className="cs-logo-mark" aria-hidden="true">{theme.productName.slice(0, 2)}</span>}
      <span className="cs-product__name">{theme.productName}</span>
    </span>
  );
}
