/** Numbers in the workspace's currency and locale, for statements and near-misses. */
type Decimal = `${number}`;

const formats = new Map<string, Intl.NumberFormat>();
/** One Intl.NumberFormat per locale and options: building one costs far more than using it. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** Money in the workspace currency as its locale writes it: ₹1,23,456.00 in en-IN. */
export function moneyText(rupees: string, currency: string, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency }).format(rupees as Decimal);
}
