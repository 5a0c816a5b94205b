package main

/*
#cgo LDFLAGS: -lvips
#include <vips/vips.h>
*/
import "C"

func main() {
	C.vips_init(C.CString("thumbs"))
}
