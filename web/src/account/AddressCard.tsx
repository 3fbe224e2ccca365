import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import { ErrorNotice } from "../components/Status";
import {
  MyAddressesDocument,
  RemoveAddressDocument,
  SetDefaultAddressDocument,
  type AddressFieldsFragment,
} from "../graphql/generated/graphql";
import { AddressLines } from "./AddressFieldset";
import { AddressEditor } from "./AddressEditor";

export function AddressCard({ address }: { address: AddressFieldsFragment }) {
  const [editing, setEditing] = useState(false);
  const refetch = { refetchQueries: [MyAddressesDocument], awaitRefetchQueries: true };
  const [remove, removal] = useMutation(RemoveAddressDocument, refetch);
  const [makeDefault, defaulting] = useMutation(SetDefaultAddressDocument, refetch);
  const [problem, setProblem] = useState<unknown>();

  if (editing) return <AddressEditor address={address} onDone={() => setEditing(false)} />;
  const run = (action: () => Promise<unknown>) => {
    setProblem(undefined);
    action().catch(setProblem);
  };
  const busy = removal.loading || defaulting.loading;
  return (
    <div className="address-card">
      {address.isDefault && <p className="tag">Default</p>}
      <AddressLines address={address} />
      <div className="actions">
        <button type="button" className="button-secondary" onClick={() => setEditing(true)} disabled={busy}>
          Edit <span className="visually-hidden">address of {address.fullName}</span>
        </button>
        {!address.isDefault && (
          <button
            type="button"
            className="button-secondary"
            disabled={busy}
            onClick={() => run(() => makeDefault({ variables: { id: address.id } }))}
          >
            Make default
          </button>
        )}
        <button
          type="button"
          className="link-button"
          disabled={busy}
          onClick={() => run(() => remove({ variables: { id: address.id } }))}
        >
          Remove <span className="visually-hidden">address of {address.fullName}</span>
        </button>
      </div>
      {problem !== undefined && <ErrorNotice error={problem} />}
    </div>
  );
}
