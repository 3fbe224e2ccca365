/** The payment provider runs in test mode: these numbers decide the outcome. */
export const TEST_CARDS = [
  { number: "4242 4242 4242 4242", outcome: "succeeds" },
  { number: "4000 0000 0000 0002", outcome: "is declined" },
  { number: "4000 0000 0000 9995", outcome: "has insufficient funds" },
  { number: "4000 0000 0000 0119", outcome: "fails with a processing error" },
];

export function TestCards() {
  return (
    <aside className="test-cards" aria-labelledby="test-cards-title">
      <h3 id="test-cards-title">Test cards</h3>
      <p>No real payment is taken. Use any future expiry date and any 3-digit security code.</p>
      <ul>
        {TEST_CARDS.map((card) => (
          <li key={card.number}>
            <code>{card.number}</code> {card.outcome}
          </li>
        ))}
      </ul>
    </aside>
  );
}
