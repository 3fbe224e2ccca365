import type { CatalogueDependencies } from "./dependencies";
import type { CatalogueRequest } from "./request";
import * as admin from "./services/admin";
import * as browse from "./services/browse";
import * as reservations from "./services/reservations";
import * as reviews from "./services/reviews";
import * as stock from "./services/stock";

type UseCase<Args extends unknown[], Result> = (
  deps: CatalogueDependencies,
  request: CatalogueRequest,
  ...args: Args
) => Result;

/**
 * The catalogue use cases, bound once at start-up to the dependencies built there. Resolvers
 * reach them through the context and hand over only the request and the arguments.
 */
export function bindUseCases(deps: CatalogueDependencies) {
  const bind =
    <Args extends unknown[], Result>(useCase: UseCase<Args, Result>) =>
    (request: CatalogueRequest, ...args: Args): Result =>
      useCase(deps, request, ...args);
  return {
    findProducts: bind(browse.findProducts),
    findProduct: bind(browse.findProduct),
    rootCategories: bind(browse.rootCategories),
    findCategory: bind(browse.findCategory),
    createProduct: bind(admin.createProduct),
    updateProduct: bind(admin.updateProduct),
    archiveProduct: bind(admin.archiveProduct),
    createVariant: bind(admin.createVariant),
    updateVariant: bind(admin.updateVariant),
    archiveVariant: bind(admin.archiveVariant),
    createCategory: bind(admin.createCategory),
    updateCategory: bind(admin.updateCategory),
    deleteCategory: bind(admin.deleteCategory),
    createReview: bind(reviews.createReview),
    updateReview: bind(reviews.updateReview),
    deleteReview: bind(reviews.deleteReview),
    productReviews: bind(reviews.productReviews),
    listMovements: bind(stock.listMovements),
    receiveStock: bind(stock.receiveStock),
    adjustStock: bind(stock.adjustStock),
    reserveStock: bind(reservations.reserveStock),
    getReservation: bind(reservations.getReservation),
    releaseReservation: bind(reservations.releaseReservation),
    commitReservation: bind(reservations.commitReservation),
  };
}

export type CatalogueUseCases = ReturnType<typeof bindUseCases>;
