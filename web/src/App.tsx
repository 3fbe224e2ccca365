import { Route, Routes } from "react-router";
import { AccountPage } from "./account/AccountPage";
import { RegisterPage } from "./account/RegisterPage";
import { SignInPage } from "./account/SignInPage";
import { CartPage } from "./cart/CartPage";
import { HomePage } from "./catalogue/HomePage";
import { ProductPage } from "./catalogue/ProductPage";
import { SearchPage } from "./catalogue/SearchPage";
import { CheckoutPage } from "./checkout/CheckoutPage";
import { Layout, NotFound } from "./components/Layout";
import { OrderPage } from "./orders/OrderPage";
import { OrdersPage } from "./orders/OrdersPage";
import { LazyArea, lazyPage } from "./routing/lazyPage";

// Shoppers never load the admin area's code.
const AdminLayout = lazyPage(() => import("./admin/AdminLayout").then((m) => m.AdminLayout));
const AdminProductsPage = lazyPage(() =>
  import("./admin/AdminProductsPage").then((m) => m.AdminProductsPage),
);
const AdminProductPage = lazyPage(() => import("./admin/AdminProductPage").then((m) => m.AdminProductPage));
const AdminShipmentsPage = lazyPage(() =>
  import("./admin/AdminShipmentsPage").then((m) => m.AdminShipmentsPage),
);

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="products/:slug" element={<ProductPage />} />
        <Route path="cart" element={<CartPage />} />
        <Route path="checkout" element={<CheckoutPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="orders" element={<OrdersPage />} />
        <Route path="orders/:id" element={<OrderPage />} />
        <Route
          path="admin"
          element={
            <LazyArea loading="Loading the admin area…">
              <AdminLayout />
            </LazyArea>
          }
        >
          <Route index element={<AdminProductsPage />} />
          <Route path="products/:id" element={<AdminProductPage />} />
          <Route path="shipments" element={<AdminShipmentsPage />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
