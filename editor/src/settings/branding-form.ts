import { BrandingSchema, brandingIssues, DEFAULT_BRANDING, type BrandingDto, type EffectiveBrandingDto, type TenantBrandingDto, type ValidationIssue } from '@countersign/shared';

/** The fields of a tenant's own branding, in the order of the form. */
export const BRANDING_FIELDS = ['productName', 'logoUrl', 'primaryColor', 'accentColor', 'supportUrl', 'supportEmail', 'customDomains'] as const;

/** One field of the branding form. */
export type BrandingField = (typeof BRANDING_FIELDS)[number];

/** The form's text per field; custom domains one per line. */
export type BrandingValues = Record<BrandingField, string>;

/** What an empty field falls back to, as text ('' for nothing); absent when it cannot be known here. */
export type InheritedValues = Partial<Record<BrandingField, string>>;

const isField = (key: unknown): key is BrandingField => (BRANDING_FIELDS as readonly unknown[]).includes(key);

/** The form's text of a tenant's own branding. */
export function valuesOf(own: BrandingDto): BrandingValues {
  const text = (value: BrandingDto[BrandingField]): string => (Array.isArray(value) ? value.join('\n') : (value ?? ''));
  return Object.fromEntries(BRANDING_FIELDS.map((field) => [field, text(own[field])])) as BrandingValues;
}

/** The domains of the text, one per non-empty line, trimmed. */
const domainsOf = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** The own branding to send: trimmed, empty fields left out (so they inherit again). */
export function ownOf(values: BrandingValues): BrandingDto {
  const own: BrandingDto = {};
  for (const field of BRANDING_FIELDS) {
    if (field === 'customDomains') continue;
    const value = values[field].trim();
    if (value !== '') own[field] = value;
  }
  const domains = domainsOf(values.customDomains);
  if (domains.length > 0) own.customDomains = domains;
  return own;
}

/** Plainer words than zod's for the shape rules that {@link brandingIssues} does not cover. */
const SHAPE_MESSAGES: Partial<Record<BrandingField, string>> = {
  productName: 'Give a product name of at most 80 characters',
  supportEmail: 'Give an email address, e.g. support@partner.example',
  customDomains: 'List at most 20 domains',
};

/**
 * What the runtime would refuse, checked before sending: the shape (email, lengths) and the content
 * rules of shared's `brandingIssues` (colours, contrast, logo, links, hosts). Paths as the runtime's.
 */
export function checkBranding(own: BrandingDto): ValidationIssue[] {
  const shape = BrandingSchema.safeParse(own);
  const issues: ValidationIssue[] = [];
  if (!shape.success) {
    for (const issue of shape.error.issues) {
      const [field, index] = issue.path;
      // A domain's own length is an invalid host for brandingIssues already.
      if (!isField(field) || index !== undefined) continue;
      issues.push({ code: issue.code, path: ['body', field], message: SHAPE_MESSAGES[field] ?? issue.message });
    }
  }
  return [...issues, ...brandingIssues(own)];
}

/** The form field an issue belongs to (`['body', 'customDomains', 1]` is the domains), or null. */
export function fieldOfIssue(path: readonly (string | number)[]): BrandingField | null {
  const [scope, field] = path;
  return scope === 'body' && isField(field) ? field : null;
}

/**
 * The messages per field. A domain's issue names its line in the text (the runtime counts the domains
 * sent, which leave out empty lines).
 */
export function messagesByField(issues: readonly ValidationIssue[], domainsText: string): Partial<Record<BrandingField, string[]>> {
  const lines = domainsText.split('\n').flatMap((line, i) => (line.trim() === '' ? [] : [i + 1]));
  const byField: Partial<Record<BrandingField, string[]>> = {};
  for (const issue of issues) {
    const field = fieldOfIssue(issue.path);
    if (!field) continue;
    const index = issue.path[2];
    const line = field === 'customDomains' && typeof index === 'number' ? lines[index] : undefined;
    const message = line === undefined ? issue.message : `Line ${line}: ${issue.message}`;
    const list = (byField[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return byField;
}

const display = (value: EffectiveBrandingDto[BrandingField]): string => (Array.isArray(value) ? value.join(', ') : (value ?? ''));

/**
 * What each field inherits when left empty. Where the tenant set a field itself, the effective value is
 * its own: a tenant without a partner then inherits the default, a partner's client an unknown value,
 * unless an earlier answer (`known`) showed it.
 */
export function inheritedOf(tenant: TenantBrandingDto, hasPartner: boolean, known: InheritedValues = {}): InheritedValues {
  const inherited: InheritedValues = {};
  for (const field of BRANDING_FIELDS) {
    // A runtime that says what each field inherits is the authority.
    if (tenant.inherited) {
      const value = display(tenant.inherited[field]);
      if (value !== undefined) inherited[field] = value;
      continue;
    }
    const own = tenant.own[field];
    const unset = own === undefined || (Array.isArray(own) && own.length === 0);
    const value = unset ? display(tenant.effective[field]) : hasPartner ? known[field] : display(DEFAULT_BRANDING[field]);
    if (value !== undefined) inherited[field] = value;
  }
  return inherited;
}

/** The placeholder of an empty field: what it inherits. */
export function inheritedPlaceholder(inherited: InheritedValues, field: BrandingField): string {
  const value = inherited[field];
  if (value === undefined) return 'Inherited from your partner';
  if (value === '') return 'Inherited: none';
  // A data: logo runs to thousands of characters.
  return `Inherited: ${value.length > 60 ? `${value.slice(0, 57)}…` : value}`;
}

const HEX = /^#[0-9a-f]{6}$/i;

/** What the header would show with this form: each field's own value when usable, else what it inherits. */
export function previewOf(values: BrandingValues, inherited: InheritedValues, issues: Partial<Record<BrandingField, string[]>>) {
  const pick = (field: BrandingField, usable: (value: string) => boolean): string => {
    const value = values[field].trim();
    return value !== '' && usable(value) ? value : (inherited[field] ?? display(DEFAULT_BRANDING[field]));
  };
  // A low-contrast colour is previewed all the same: seeing it is the point.
  const colour = (value: string): boolean => HEX.test(value);
  return {
    productName: pick('productName', () => !issues.productName),
    logoUrl: pick('logoUrl', () => !issues.logoUrl),
    primaryColor: pick('primaryColor', colour),
    accentColor: pick('accentColor', colour),
    hasSupport: pick('supportUrl', () => !issues.supportUrl) !== '' || pick('supportEmail', () => !issues.supportEmail) !== '',
  };
}
