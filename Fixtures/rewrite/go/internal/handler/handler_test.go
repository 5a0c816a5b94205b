package handler

import "testing"

func TestNew(t *testing.T) {
	if New() == nil {
		t.Fatal("no handler")
	}
}
