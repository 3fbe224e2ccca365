/** A form field's text, trimmed; "" for a missing field (or a file input, which this app has none of). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}
