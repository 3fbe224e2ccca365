/** A form field's text, trimmed; "" for a missing field (or a file input, which this app has none of). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

/** A form field's text exactly as typed, for passwords (the server compares them untrimmed). */
export function formRawText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
