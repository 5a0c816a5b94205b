package main

import (
	"flag"
	"log"
	"net/http"

	"example.com/orders/internal/handler"
)

var version = "dev"

func main() {
	listen := flag.String("listen", ":8080", "address to listen on")
	flag.Parse()
	log.Printf("orders %s listening on %s", version, *listen)
	log.Fatal(http.ListenAndServe(*listen, handler.New()))
}
