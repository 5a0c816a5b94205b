package store

// Password fields are hashed before they reach the store.
const PasswordField = "password"
