import { useMutation } from "@apollo/client/react";
import { useId, useState, type FormEvent } from "react";
import { Field } from "../components/Field";
import { ErrorNotice, SuccessNotice } from "../components/Status";
import { CreateReviewDocument, ProductReviewsDocument } from "../graphql/generated/graphql";
import { REVIEWS_PAGE_SIZE } from "./reviewPage";

/** Writing a review; a refusal (`ReviewError`) is shown next to the field it names. */
export function ReviewForm({ productId }: { productId: string }) {
  const [createReview, { loading }] = useMutation(CreateReviewDocument, {
    refetchQueries: [{ query: ProductReviewsDocument, variables: { productId, first: REVIEWS_PAGE_SIZE } }],
  });
  const [rating, setRating] = useState(5);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [outcome, setOutcome] = useState<
    { done: true } | { refused: { message: string; field: string | null } } | { failed: unknown }
  >();
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome(undefined);
    try {
      const { data } = await createReview({
        variables: { input: { productId, rating, title: title.trim() || undefined, body } },
      });
      const result = data?.createReview;
      if (result?.__typename === "ReviewError") setOutcome({ refused: result });
      else if (result) {
        setOutcome({ done: true });
        setTitle("");
        setBody("");
      }
    } catch (error) {
      setOutcome({ failed: error });
    }
  };
  const refusal = outcome && "refused" in outcome ? outcome.refused : undefined;
  const errorFor = (field: string) =>
    refusal?.field === field || refusal?.field?.endsWith(`.${field}`) ? refusal.message : undefined;

  if (outcome && "done" in outcome)
    return <SuccessNotice>Thank you — your review is published.</SuccessNotice>;
  return (
    <form className="review-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Write a review</h3>
      <fieldset className="star-input">
        <legend>Rating</legend>
        {[1, 2, 3, 4, 5].map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="rating"
              value={value}
              checked={rating === value}
              onChange={() => setRating(value)}
            />
            {value} star{value === 1 ? "" : "s"}
          </label>
        ))}
        {errorFor("rating") && <p className="field-error">{errorFor("rating")}</p>}
      </fieldset>
      <Field
        label="Title (optional)"
        value={title}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
        error={errorFor("title")}
      />
      <div className="field">
        <label htmlFor={`${id}-body`}>Your review</label>
        <textarea
          id={`${id}-body`}
          required
          rows={4}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={errorFor("body") ? true : undefined}
          aria-describedby={errorFor("body") ? `${id}-body-error` : undefined}
        />
        {errorFor("body") && (
          <p className="field-error" id={`${id}-body-error`}>
            {errorFor("body")}
          </p>
        )}
      </div>
      {refusal && !refusal.field && <ErrorNotice error={refusal.message} />}
      {/* Shown next to its field above; announced from here. */}
      {refusal?.field && (
        <p role="alert" className="visually-hidden">
          {refusal.message}
        </p>
      )}
      {outcome && "failed" in outcome && <ErrorNotice error={outcome.failed} />}
      <button type="submit" disabled={loading}>
        {loading ? "Publishing…" : "Publish review"}
      </button>
    </form>
  );
}
