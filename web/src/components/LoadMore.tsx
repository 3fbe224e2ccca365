import { useState } from "react";
import { ErrorNotice } from "./Status";

/** The next page of a cursor connection, appended to what is shown. */
export function LoadMore({ label, onLoad }: { label: string; onLoad: () => Promise<unknown> }) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const load = async () => {
    setLoading(true);
    setError(undefined);
    try {
      await onLoad();
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="load-more">
      <button type="button" className="button-secondary" onClick={() => void load()} disabled={loading}>
        {loading ? "Loading…" : label}
      </button>
      {error !== undefined && <ErrorNotice error={error} />}
    </div>
  );
}
