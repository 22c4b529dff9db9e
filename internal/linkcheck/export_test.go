package linkcheck

// For the tests in package linkcheck_test, which build whole sites (the
// build imports this package).

// ScanDiff is scanDiff: how the scanner and the reference differ on data.
var ScanDiff = scanDiff

// ScanHTML and ScanHTMLReference run the scanner and the reference.
func ScanHTML(data []byte) { newFound().html(data) }

func ScanHTMLReference(data []byte) { newFound().refHTML(data) }

// AddReference is Checker.Add reading HTML with the reference.
func AddReference(c *Checker, name string, data []byte) {
	c.add(name, data, (*found).refHTML)
}
