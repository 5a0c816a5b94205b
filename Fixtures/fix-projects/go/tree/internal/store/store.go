package store

// Open opens the store.
func Open() {}
