-- One database per subgraph, as in production.
CREATE DATABASE storefront_users;
CREATE DATABASE storefront_catalogue;
CREATE DATABASE storefront_cart;
CREATE DATABASE storefront_orders;
CREATE DATABASE storefront_payments;
CREATE DATABASE storefront_shipping;
