// Command go-verify checks a SIF with the upstream Go library (github.com/sylabs/sif/v2),
// for Sifport's interoperability tests: go-verify IMAGE KEYRING.asc. It prints "ok" and exits
// 0 when the image verifies, else prints the library's error and exits 1.
package main

import (
	"fmt"
	"os"

	"github.com/ProtonMail/go-crypto/openpgp"
	"github.com/sylabs/sif/v2/pkg/integrity"
	"github.com/sylabs/sif/v2/pkg/sif"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Println("usage: go-verify IMAGE KEYRING.asc")
		os.Exit(2)
	}
	keyFile, err := os.Open(os.Args[2])
	if err != nil {
		fail(err, 2)
	}
	keyRing, err := openpgp.ReadArmoredKeyRing(keyFile)
	if err != nil {
		fail(err, 2)
	}
	image, err := sif.LoadContainerFromPath(os.Args[1], sif.OptLoadWithFlag(os.O_RDONLY))
	if err != nil {
		fail(err, 2)
	}
	verifier, err := integrity.NewVerifier(image, integrity.OptVerifyWithKeyRing(keyRing))
	if err != nil {
		fail(err, 1)
	}
	if err := verifier.Verify(); err != nil {
		fail(err, 1)
	}
	fmt.Println("ok")
}

func fail(err error, code int) {
	fmt.Println(err)
	os.Exit(code)
}
