package serve

import (
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/rolesite/rolesite/internal/publish"
)

// ContentSecurityPolicy is the policy the dev server sends with every
// response, and the one a static host should send for a built site: scripts,
// styles and everything else from the site's own origin only, no inline
// script or style, no plugins, no framing. It is publish's policy, which
// the build writes into _headers.
const ContentSecurityPolicy = publish.ContentSecurityPolicy

// setCommonHeaders sets the headers every response carries.
func setCommonHeaders(h http.Header) {
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("Referrer-Policy", "no-referrer")
}

// contentType returns the Content-Type for a file name, by extension. The
// types a site is made of are fixed here, so they do not depend on the
// machine's MIME tables; anything else falls back to those tables, then to
// application/octet-stream.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	switch ext {
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".json", ".map":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".xml":
		return "application/xml; charset=utf-8"
	case ".rss":
		return "application/rss+xml; charset=utf-8"
	case ".atom":
		return "application/atom+xml; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".md":
		return "text/markdown; charset=utf-8"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	case ".ttf":
		return "font/ttf"
	case ".otf":
		return "font/otf"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".gif":
		return "image/gif"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".ico":
		return "image/x-icon"
	case ".pdf":
		return "application/pdf"
	case ".wasm":
		return "application/wasm"
	case ".mp4":
		return "video/mp4"
	case ".webm":
		return "video/webm"
	}
	if t := mime.TypeByExtension(ext); ext != "" && t != "" {
		return t
	}
	return "application/octet-stream"
}

// isHTML reports whether a Content-Type is an HTML document.
func isHTML(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	return strings.EqualFold(strings.TrimSpace(mt), "text/html")
}
