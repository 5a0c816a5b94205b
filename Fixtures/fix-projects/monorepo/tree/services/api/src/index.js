require("@shop/shared");
