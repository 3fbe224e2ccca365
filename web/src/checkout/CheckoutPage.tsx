import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { fieldError, fieldErrorsOf, graphQLErrorsOf } from "../apollo/errors";
import { AddressFieldset, addressFromForm, AddressLines } from "../account/AddressFieldset";
import { SignInRequired } from "../components/Layout";
import { Money } from "../components/Money";
import { ErrorNotice, Loading } from "../components/Status";
import {
  CartDocument,
  CheckoutDocument,
  MyAddressesDocument,
  type CheckoutInput,
} from "../graphql/generated/graphql";
import { useNavigateOnceDone } from "../routing/navigateOnceDone";
import { useSession } from "../session/SessionProvider";
import { CardFieldset, cardFromForm } from "./CardFieldset";
import { CheckoutFailureNotice } from "./CheckoutFailureNotice";
import type { CheckoutFailure } from "./checkoutMessages";
import { ShippingOptionPicker, useShippingOptions } from "./ShippingOptionPicker";
import { TestCards } from "./TestCards";
import { useAttemptKey } from "./useAttemptKey";

const NEW_ADDRESS = "new";

export function CheckoutPage() {
  const { user, state } = useSession();
  if (state.status === "restoring") return <Loading label="Signing you in…" />;
  if (!user) return <SignInRequired what="check out" />;
  return <CheckoutForm />;
}

function CheckoutForm() {
  const cart = useQuery(CartDocument, { fetchPolicy: "cache-and-network" });
  const addresses = useQuery(MyAddressesDocument);
  const saved = addresses.data?.me?.addresses ?? [];
  const [addressChoice, setAddressChoice] = useState<string>();
  const chosenId = addressChoice ?? saved[0]?.id ?? NEW_ADDRESS;
  const chosen = saved.find((address) => address.id === chosenId);
  const [newCountry, setNewCountry] = useState("GB");
  const shipping = useShippingOptions(
    { country: chosen?.country ?? newCountry, postalCode: chosen?.postalCode },
    // Not before the saved addresses are known: the first of them, if any, is where it goes.
    { skip: addresses.loading && !addresses.data },
  );
  const [checkout, { loading: placing }] = useMutation(CheckoutDocument);
  const attempt = useAttemptKey();
  const client = useApolloClient();
  const navigateOnceDone = useNavigateOnceDone();
  const [failure, setFailure] = useState<CheckoutFailure>();
  const [problem, setProblem] = useState<unknown>();
  const [fields, setFields] = useState<Record<string, string>>({});

  if ((cart.loading && !cart.data) || (addresses.loading && !addresses.data)) {
    return <Loading label="Preparing checkout…" />;
  }
  if (cart.error && !cart.data) return <ErrorNotice error={cart.error} retry={() => void cart.refetch()} />;
  const lines = cart.data?.cart?.lines ?? [];
  if (!lines.length) {
    return (
      <section className="page narrow">
        <h1>Checkout</h1>
        <p>
          Your cart is empty. <Link to="/search">Continue shopping</Link>
        </p>
      </section>
    );
  }
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const moveOn = navigateOnceDone();
    const form = new FormData(event.currentTarget);
    // Only ever an option of the address being sent (none while its options load or if none).
    const shippingOptionId = shipping.selected;
    if (!shippingOptionId) {
      setProblem("Choose a shipping option.");
      return;
    }
    const request: Omit<CheckoutInput, "idempotencyKey"> = {
      ...(chosen ? { shippingAddressId: chosen.id } : { shippingAddress: addressFromForm(form) }),
      shippingOptionId,
      card: cardFromForm(form),
    };
    setFailure(undefined);
    setProblem(undefined);
    setFields({});
    try {
      const { data } = await checkout({
        variables: { input: { ...request, idempotencyKey: attempt.keyFor(JSON.stringify(request)) } },
      });
      attempt.settled();
      const result = data?.checkout;
      if (result?.__typename === "Order") {
        // The cart was emptied by the checkout.
        await client.refetchQueries({ include: [CartDocument] }).catch(() => undefined);
        moveOn(`/orders/${result.id}`);
      } else if (result) {
        setFailure(result);
        void cart.refetch();
      }
    } catch (error) {
      // With GraphQL errors the server answered (nothing was made): the next try is a new attempt.
      // Without, the outcome is unknown: the same key lets a retry find the order if there is one.
      if (graphQLErrorsOf(error).length) attempt.settled();
      setFields(fieldErrorsOf(error));
      setProblem(error);
    }
  };

  const subtotal = cart.data?.cart?.subtotal;
  return (
    <section className="page" aria-labelledby="checkout-title">
      <h1 id="checkout-title">Checkout</h1>
      <div className="checkout-layout">
        <form
          className="checkout-form"
          onSubmit={(event) => void submit(event)}
          aria-describedby="checkout-status"
        >
          <section aria-labelledby="ship-to-title">
            <h2 id="ship-to-title">1. Delivery address</h2>
            {saved.length > 0 && (
              <fieldset className="choice-list">
                <legend>Ship to</legend>
                {saved.map((address) => (
                  <label key={address.id} className="choice">
                    <input
                      type="radio"
                      name="addressChoice"
                      value={address.id}
                      checked={chosenId === address.id}
                      onChange={() => setAddressChoice(address.id)}
                    />
                    <AddressLines address={address} />
                  </label>
                ))}
                <label className="choice">
                  <input
                    type="radio"
                    name="addressChoice"
                    value={NEW_ADDRESS}
                    checked={chosenId === NEW_ADDRESS}
                    onChange={() => setAddressChoice(NEW_ADDRESS)}
                  />
                  A new address
                </label>
              </fieldset>
            )}
            {!chosen && (
              <AddressFieldset legend="New address" fields={fields} onCountryChange={setNewCountry} />
            )}
          </section>
          <section aria-labelledby="shipping-title">
            <h2 id="shipping-title">2. Shipping</h2>
            <ShippingOptionPicker shipping={shipping} error={fieldError(fields, "shippingOptionId")} />
          </section>
          <section aria-labelledby="payment-title">
            <h2 id="payment-title">3. Payment</h2>
            <CardFieldset fields={fields} />
            <TestCards />
          </section>
          {/* Not a live region itself: both notices are role=alert, announced once as they appear. */}
          <div id="checkout-status">
            {failure && <CheckoutFailureNotice failure={failure} />}
            {problem !== undefined && <ErrorNotice error={problem} />}
          </div>
          <button type="submit" className="button-large" disabled={placing}>
            {placing ? "Placing your order…" : "Place order and pay"}
          </button>
        </form>
        <aside className="order-summary" aria-labelledby="summary-title">
          <h2 id="summary-title">Your order</h2>
          <ul>
            {lines.map((line) => (
              <li key={line.id}>
                <span>
                  {line.quantity} × {line.variant.product.name} ({line.variant.name})
                </span>
                <Money value={line.lineTotal} />
              </li>
            ))}
          </ul>
          <p className="subtotal">
            Subtotal <Money value={subtotal} />
          </p>
          <p className="hint">Shipping is added from the option you choose.</p>
        </aside>
      </div>
    </section>
  );
}
