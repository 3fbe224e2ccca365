/** Stars for a 1–5 rating, with the number spelled out for assistive technology. */
export function Rating({ value, count }: { value: number | null | undefined; count?: number }) {
  if (value === null || value === undefined) {
    return <span className="rating rating-none">No reviews yet</span>;
  }
  const rounded = Math.round(value * 10) / 10;
  const label = `${rounded} out of 5 stars${count === undefined ? "" : `, ${count} review${count === 1 ? "" : "s"}`}`;
  return (
    <span className="rating" role="img" aria-label={label}>
      <span className="rating-stars" aria-hidden="true">
        {"★".repeat(Math.round(value))}
        {"☆".repeat(5 - Math.round(value))}
      </span>
      <span className="rating-text" aria-hidden="true">
        {rounded}
        {count === undefined ? "" : ` (${count})`}
      </span>
    </span>
  );
}
