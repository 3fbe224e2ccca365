import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { fieldError, fieldErrorsOf } from "../apollo/errors";
import { Field } from "../components/Field";
import { ErrorNotice, Loading } from "../components/Status";
import {
  AdminProductDocument,
  ArchiveProductDocument,
  CreateVariantDocument,
  UpdateProductDocument,
  type AdminProductFieldsFragment,
} from "../graphql/generated/graphql";
import { majorUnits, minorUnits } from "./money";
import { VariantStock } from "./VariantStock";
import { formText } from "../components/form";

export function AdminProductPage() {
  const { id = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(AdminProductDocument, { variables: { id } });
  if (loading && !data) return <Loading label="Loading product…" />;
  if (error && !data) return <ErrorNotice error={error} retry={() => void refetch()} />;
  const product = data?.product;
  if (!product) return <p>Product not found.</p>;
  return (
    <section className="page" aria-labelledby="admin-product-title">
      <p>
        <Link to="/admin">← All products</Link>
      </p>
      <h1 id="admin-product-title">
        {product.name} {product.status === "ARCHIVED" && <span className="tag">Archived</span>}
      </h1>
      <ProductEditor key={product.id} product={product} />
      <h2>Variants and stock</h2>
      {product.variants.length === 0 && <p>No variants yet: add one to sell this product.</p>}
      {product.variants.map((variant) => (
        <VariantStock key={variant.id} variant={variant} />
      ))}
      <NewVariantForm productId={product.id} />
    </section>
  );
}

function ProductEditor({ product }: { product: AdminProductFieldsFragment }) {
  const [update, updating] = useMutation(UpdateProductDocument);
  const [archive, archiving] = useMutation(ArchiveProductDocument);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<{ saved: true } | { problem: unknown }>();
  // The inputs are uncontrolled: when the product's name or price change (a save, another tab),
  // they are reset to the new values; the editor itself stays mounted, so its notice does too.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.reset(), [product.name, product.price.amount]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFields({});
    setOutcome(undefined);
    try {
      await update({
        variables: {
          id: product.id,
          input: {
            name: formText(form, "name"),
            priceAmount: minorUnits(formText(form, "price")),
          },
        },
      });
      setOutcome({ saved: true });
    } catch (error) {
      setFields(fieldErrorsOf(error));
      setOutcome({ problem: error });
    }
  };
  const archiveProduct = () => {
    if (!window.confirm(`Take ${product.name} off sale?`)) return;
    archive({ variables: { id: product.id } }).catch((error: unknown) => setOutcome({ problem: error }));
  };

  return (
    <form
      ref={form}
      className="admin-form"
      onSubmit={(event) => void submit(event)}
      aria-label="Edit product"
    >
      <Field
        label="Name"
        name="name"
        defaultValue={product.name}
        required
        error={fieldError(fields, "name")}
      />
      <Field
        label={`Price (${product.price.currency})`}
        name="price"
        type="number"
        min="0"
        step="0.01"
        defaultValue={majorUnits(product.price.amount)}
        required
        error={fieldError(fields, "priceAmount")}
      />
      <div role="status">
        {outcome && "saved" in outcome && <p className="notice notice-success">Saved.</p>}
      </div>
      {outcome && "problem" in outcome && <ErrorNotice error={outcome.problem} />}
      <div className="actions">
        <button type="submit" disabled={updating.loading}>
          {updating.loading ? "Saving…" : "Save"}
        </button>
        {product.status === "ACTIVE" && (
          <button
            type="button"
            className="button-danger"
            onClick={archiveProduct}
            disabled={archiving.loading}
          >
            Archive product
          </button>
        )}
      </div>
    </form>
  );
}

function NewVariantForm({ productId }: { productId: string }) {
  const [createVariant, { loading }] = useMutation(CreateVariantDocument);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const price = formText(form, "price");
    setFields({});
    setProblem(undefined);
    try {
      await createVariant({
        variables: {
          productId,
          input: {
            sku: formText(form, "sku"),
            name: formText(form, "name"),
            priceAmount: price ? minorUnits(price) : undefined,
          },
        },
        refetchQueries: [AdminProductDocument],
      });
      formElement.reset();
    } catch (error) {
      setFields(fieldErrorsOf(error));
      setProblem(error);
    }
  };
  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} aria-label="New variant">
      <h3>New variant</h3>
      <div className="field-row">
        <Field label="Variant SKU" name="sku" required error={fieldError(fields, "sku")} />
        <Field label="Variant name" name="name" required error={fieldError(fields, "name")} />
        <Field
          label="Price (optional)"
          name="price"
          type="number"
          min="0"
          step="0.01"
          error={fieldError(fields, "priceAmount")}
        />
      </div>
      {problem !== undefined && <ErrorNotice error={problem} />}
      <button type="submit" disabled={loading}>
        {loading ? "Adding…" : "Add variant"}
      </button>
    </form>
  );
}
