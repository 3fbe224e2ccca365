import { useMutation } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import { fieldErrorsOf } from "../apollo/errors";
import { ErrorNotice } from "../components/Status";
import {
  AddAddressDocument,
  MyAddressesDocument,
  UpdateAddressDocument,
  type AddressFieldsFragment,
} from "../graphql/generated/graphql";
import { AddressFieldset, addressFromForm } from "./AddressFieldset";

/** Adds an address, or edits `address` when given. */
export function AddressEditor({ address, onDone }: { address?: AddressFieldsFragment; onDone: () => void }) {
  const options = { refetchQueries: [MyAddressesDocument], awaitRefetchQueries: true };
  const [add, adding] = useMutation(AddAddressDocument, options);
  const [update, updating] = useMutation(UpdateAddressDocument, options);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const defaultId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { ...addressFromForm(form), isDefault: form.get("isDefault") === "on" || undefined };
    setFields({});
    setProblem(undefined);
    try {
      if (address) await update({ variables: { id: address.id, input } });
      else await add({ variables: { input } });
      onDone();
    } catch (error) {
      setFields(fieldErrorsOf(error));
      setProblem(error);
    }
  };
  const busy = adding.loading || updating.loading;
  return (
    <form className="address-editor" onSubmit={(event) => void submit(event)}>
      <AddressFieldset legend={address ? "Edit address" : "New address"} initial={address} fields={fields} />
      {!address?.isDefault && (
        <div className="field field-check">
          <input id={defaultId} name="isDefault" type="checkbox" />
          <label htmlFor={defaultId}>Make this my default address</label>
        </div>
      )}
      {problem !== undefined && <ErrorNotice error={problem} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? "Saving…" : "Save address"}
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
