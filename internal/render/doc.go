// Package render turns the resolved site into HTML and the machine-readable
// files: it loads the templates (the embedded defaults with the site's own
// templates/ laid over them, file by file), builds a view struct per page and
// executes the template for it.
//
// Template files, all html/template:
//
//	templates/base.html            the layout; executes {{template "main" .}}
//	templates/partials/*.html      named templates shared by every page
//	                               (header, footer and site-head: the frame)
//	templates/home.html            the home page        (defines "main")
//	templates/list.html            a section's list page
//	templates/page.html            a regular page
//	templates/404.html             the not-found page
//	templates/search.html          the search page (lists every page without JavaScript, a long section by its runs)
//	templates/matrix.html          a declared matrix (rows by a relation's targets)
//	templates/comparisons.html     a compared section's comparison page: every page's profile
//	templates/compare.html         two pages side by side (a pre-rendered pair)
//	templates/<section>/page.html  a section's own page template, if any
//	templates/<section>/list.html  a section's own list template, if any
//
// Templates receive view structs (PageView and the types it holds) with
// exactly the fields they use: URLs ready to print, HTML already converted
// and typed template.HTML once. They never see the site graph.
//
// Comparisons (compare.go) have three addresses. A pre-rendered pair is
// <section>/<a>/vs/<b>/ (ComparePath), for the pairs site.ComparePartners
// names. Any pair is compare/<section>/?a=<a>&b=<b> (PickURL): the
// section's comparison page lists every page's profile, and
// static/js/compare.js renders the pair from them in compare.html's markup,
// gap first; without JavaScript, ticking two profiles shows those two side
// by side (CSS :has). Links to a comparison (a career move's "compare",
// Swap sides) go to the pair's page when it exists, else to the pick, so
// the site links no page it does not have. An old address of a pair no
// longer pre-rendered reaches the 404 page, whose compare.js sends it on.
//
// A long list (a section's list, a matrix's rows) is split into runs of
// 100 to 300 pages (paging.go): a run ends before a page whose path's
// FNV-1a hash is a multiple of 100, once it holds 100, or at 300. The
// first run is at the list's own folder, each other at page/<slug of its
// first page>/ below it; every run's page carries a Pager (the pager
// partial), naming the pages by number and the previous and next also by
// their first page's title. Adding or removing a page changes its own run
// and seldom the next, and the other runs keep their address and bytes.
//
// Besides html/template's own, templates have a few functions: lower, join,
// list and add, and link, which writes a Link as <a href="URL">Title</a>
// exactly as that markup in the template would, remembering what it wrote.
//
// shared writes a template as {{template}} would in HTML text, and
// executes it once for every page it writes the same for (shared.go): the
// layout writes its frame so, {{shared "header" .}}, {{shared "footer" .}}
// and {{shared "site-head" .}} (the feed, icon, stylesheet and script
// links). Which pages those are is told from the template as the site's
// templates/ leave it (reads.go): one that reads no field of the view but
// Site, Kind and Section writes the same for views equal in those, and is
// kept under them (a SiteView by its content); one that reads more, such
// as a site's header showing the page's title, is executed for every page.
// So the navigation needs no page URL, the site view of a page it links
// (a section's list, a matrix) carries that URL as Here.
//
// each writes a template for every element of a list, as a {{range}}
// calling it would (each.go), and keeps what it wrote for each distinct
// Link or Heading: a template executed with one reads nothing else, so an
// equal one writes the same. The lines of the relation panels
// ("relation-link"), of the related pages ("related-link"), of the table
// of contents ("toc-entry") and of the breadcrumbs ("crumb") are written
// so: a tool named by a hundred roles has its line written once.
//
// Besides pages, the package makes the machine-readable files from the
// site alone: sitemap.xml, feed.xml, robots.txt, graph.json, and the alias
// redirect pages. GraphJSONFrom takes each page's entry of graph.json from
// a GraphMemo when what the entry is made from hashes as before, so that a
// rebuild encodes only the entries that changed.
//
// Parse and execution errors come back as diagnostics naming the template
// file, line and column: of the template that failed, also when shared or
// each executed it.
package render
