package publish

import (
	"crypto/sha256"
	"encoding/hex"
	"path"
	"strings"
)

// Fingerprint returns the name with a hash of the content before the
// extension: "css/site.css" -> "css/site.3f2a9c1d0b7e.css". A changed file
// gets a new name, so hosts may cache fingerprinted files for ever.
func Fingerprint(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:6]) + ext
}
