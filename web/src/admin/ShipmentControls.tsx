import { useMutation } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import { ErrorNotice } from "../components/Status";
import {
  AdvanceShipmentDocument,
  ReportShipmentExceptionDocument,
  type AdminShipmentFieldsFragment,
  type ShipmentStatus,
} from "../graphql/generated/graphql";
import { SHIPMENT_STATUS_LABELS } from "../orders/orderStatus";
import { formText } from "../components/form";

const NEXT: Partial<Record<ShipmentStatus, ShipmentStatus>> = {
  LABEL_CREATED: "IN_TRANSIT",
  IN_TRANSIT: "OUT_FOR_DELIVERY",
  OUT_FOR_DELIVERY: "DELIVERED",
};

/** A shipment with the carrier's controls: move it on, or record that it is held up. */
export function ShipmentControls({ shipment }: { shipment: AdminShipmentFieldsFragment }) {
  const id = useId();
  const [advance, advancing] = useMutation(AdvanceShipmentDocument);
  const [report, reporting] = useMutation(ReportShipmentExceptionDocument);
  const [problem, setProblem] = useState<unknown>();
  const [reportOpen, setReportOpen] = useState(false);
  const delivered = shipment.status === "DELIVERED";
  const next = shipment.status === "EXCEPTION" ? "resume" : NEXT[shipment.status];

  const submitException = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const reason = formText(new FormData(event.currentTarget), "reason");
    setProblem(undefined);
    try {
      await report({ variables: { id: shipment.id, reason } });
      setReportOpen(false);
    } catch (error) {
      setProblem(error);
    }
  };

  return (
    <article className="shipment-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="shipment-title">
        {shipment.carrier} {shipment.trackingNumber}
      </h2>
      <p>
        Order <code>{shipment.order.id}</code> · order status {shipment.order.status}
      </p>
      <p aria-live="polite">
        Shipment status:{" "}
        <strong data-shipment-status={shipment.status}>{SHIPMENT_STATUS_LABELS[shipment.status]}</strong>
        {shipment.exceptionReason && shipment.status === "EXCEPTION" ? ` — ${shipment.exceptionReason}` : ""}
      </p>
      {!delivered && (
        <div className="actions">
          <button
            type="button"
            disabled={advancing.loading}
            onClick={() => {
              setProblem(undefined);
              advance({ variables: { id: shipment.id } }).catch(setProblem);
            }}
          >
            {next === "resume"
              ? "Resume journey"
              : `Advance to ${SHIPMENT_STATUS_LABELS[next ?? "DELIVERED"]}`}
            <span className="visually-hidden"> ({shipment.trackingNumber})</span>
          </button>
          <button
            type="button"
            className="button-secondary"
            aria-expanded={reportOpen}
            onClick={() => setReportOpen((open) => !open)}
          >
            Report a problem
          </button>
        </div>
      )}
      {reportOpen && (
        <form className="inline-form" onSubmit={(event) => void submitException(event)}>
          <div className="field">
            <label htmlFor={`${id}-reason`}>What is holding it up?</label>
            <input id={`${id}-reason`} name="reason" required maxLength={500} />
          </div>
          <button type="submit" disabled={reporting.loading}>
            Report exception
          </button>
        </form>
      )}
      {problem !== undefined && <ErrorNotice error={problem} />}
    </article>
  );
}
