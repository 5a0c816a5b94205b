package main

import "example.com/inventory/internal/store"

func main() { store.Open() }
