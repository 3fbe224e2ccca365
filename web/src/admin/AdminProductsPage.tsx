import { useMutation, useQuery } from "@apollo/client/react";
import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { fieldError, fieldErrorsOf } from "../apollo/errors";
import { Field } from "../components/Field";
import { LoadMore } from "../components/LoadMore";
import { Money } from "../components/Money";
import { ErrorNotice, Loading } from "../components/Status";
import { AdminProductsDocument, CreateProductDocument } from "../graphql/generated/graphql";
import { minorUnits } from "./money";
import { formText } from "../components/form";
import { useNavigateOnceDone } from "../routing/navigateOnceDone";

export function AdminProductsPage() {
  const [query, setQuery] = useState("");
  const { data, loading, error, refetch, fetchMore } = useQuery(AdminProductsDocument, {
    variables: { filter: query ? { query } : undefined, first: 20 },
  });
  const products = data?.products;
  return (
    <section className="page" aria-labelledby="admin-products-title">
      <h1 id="admin-products-title">Products and stock</h1>
      <CreateProductForm />
      <form
        role="search"
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          setQuery(formText(new FormData(event.currentTarget), "q"));
        }}
      >
        <Field label="Find a product" name="q" type="search" defaultValue={query} />
        <button type="submit">Find</button>
      </form>
      {loading && !data && <Loading label="Loading products…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {products && (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">SKU</th>
              <th scope="col">Price</th>
              <th scope="col">Stock on hand</th>
            </tr>
          </thead>
          <tbody>
            {products.nodes.map((product) => (
              <tr key={product.id}>
                <td data-label="Product">
                  <Link to={`/admin/products/${product.id}`}>{product.name}</Link>
                </td>
                <td data-label="SKU">{product.sku}</td>
                <td data-label="Price">
                  <Money value={product.price} />
                </td>
                <td data-label="Stock">{product.variants.reduce((sum, v) => sum + v.stockOnHand, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {products?.pageInfo.hasNextPage && (
        <LoadMore
          label="More products"
          onLoad={() => fetchMore({ variables: { after: products.pageInfo.endCursor } })}
        />
      )}
    </section>
  );
}

function CreateProductForm() {
  const [createProduct, { loading }] = useMutation(CreateProductDocument);
  const navigateOnceDone = useNavigateOnceDone();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [open, setOpen] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const moveOn = navigateOnceDone();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    setFields({});
    setProblem(undefined);
    try {
      const { data } = await createProduct({
        variables: {
          input: {
            sku: text("sku"),
            name: text("name"),
            description: text("description") || undefined,
            priceAmount: minorUnits(text("price")),
            currency: "USD",
          },
        },
      });
      if (data) moveOn(`/admin/products/${data.createProduct.id}`);
    } catch (error) {
      setFields(fieldErrorsOf(error));
      setProblem(error);
    }
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        New product
      </button>
    );
  }
  return (
    <form className="admin-form" onSubmit={(event) => void submit(event)} aria-label="New product">
      <Field label="SKU" name="sku" required error={fieldError(fields, "sku")} />
      <Field label="Name" name="name" required error={fieldError(fields, "name")} />
      <Field label="Description" name="description" error={fieldError(fields, "description")} />
      <Field
        label="Price (USD)"
        name="price"
        type="number"
        min="0"
        step="0.01"
        required
        error={fieldError(fields, "priceAmount")}
      />
      {problem !== undefined && <ErrorNotice error={problem} />}
      <div className="actions">
        <button type="submit" disabled={loading}>
          {loading ? "Creating…" : "Create product"}
        </button>
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
