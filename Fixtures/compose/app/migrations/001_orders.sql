CREATE TABLE orders (id integer);
