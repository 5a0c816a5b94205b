import { Button } from "@shop/ui";
