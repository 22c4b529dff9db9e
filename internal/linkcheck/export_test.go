package linkcheck

// For the tests in package linkcheck_test, which build whole sites (the
// build imports this package).

// ScanDiff is scanDiff: how the scanner and the reference differ on data.
var ScanDiff = scanDiff

// ScanHTML and ScanHTMLReference run the scanner and the reference.
func ScanHTML(data []byte) {
	newFound().html(data)
}

func ScanHTMLReference(data []byte) {
	sc := &scanned{ids: map[string]bool{}}
	sc.refHTML(data)
}
