require("../../../packages/shared/src");
