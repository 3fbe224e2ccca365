import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { SignInRequired } from "../components/Layout";
import { ErrorNotice, Loading } from "../components/Status";
import { MyAddressesDocument } from "../graphql/generated/graphql";
import { useSession } from "../session/SessionProvider";
import { AddressCard } from "./AddressCard";
import { AddressEditor } from "./AddressEditor";

export function AccountPage() {
  const { user, state } = useSession();
  if (state.status === "restoring") return <Loading label="Signing you in…" />;
  if (!user) return <SignInRequired what="see your account" />;
  return (
    <section className="page" aria-labelledby="account-title">
      <h1 id="account-title">Your account</h1>
      <p>
        Signed in as <strong>{user.name}</strong> ({user.email}). <Link to="/orders">Your orders</Link>
      </p>
      <AddressBook />
    </section>
  );
}

function AddressBook() {
  const { data, loading, error, refetch } = useQuery(MyAddressesDocument);
  const [adding, setAdding] = useState(false);
  const addresses = data?.me?.addresses ?? [];
  return (
    <section aria-labelledby="address-book-title">
      <h2 id="address-book-title">Address book</h2>
      {loading && !data && <Loading label="Loading addresses…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && addresses.length === 0 && <p>No saved addresses yet.</p>}
      <ul className="address-list">
        {addresses.map((address) => (
          <li key={address.id}>
            <AddressCard address={address} />
          </li>
        ))}
      </ul>
      {adding ? (
        <AddressEditor onDone={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          Add an address
        </button>
      )}
    </section>
  );
}
