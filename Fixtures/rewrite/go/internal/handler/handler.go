package handler

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// New returns the service's routes.
func New() http.Handler {
	r := chi.NewRouter()
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	return r
}
