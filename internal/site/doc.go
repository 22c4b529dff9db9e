// Package site builds the Site: the graph of sections, pages, relations and
// their inverses, every page's URL, and the resolution of body links. It
// reads parsed pages (package content) and converted bodies (package
// markdown) and returns a value that later stages only read. It writes no
// files and renders no HTML.
//
// The model, as the atlas's authors see it:
//
//   - Every folder under content/ is a section; its _index.md gives the
//     section's title, summary, weight and relation declarations. The site's
//     own content/_index.md gives the title, description, base_url and
//     unsafe_html, and is the home page.
//
//   - A page's slug is its file name without ".md"; its URL is
//     <base>/<section>/<slug>/. Two slugs in a section that differ only in
//     case are a conflict: they would clash on case-insensitive hosts.
//
//   - A relation is a front matter field holding a list of slugs, or a
//     mapping from slug to a qualifier (qualified.go). A field named like a
//     section relates to that section; other names are declared in the
//     section's _index.md, as below.
//
// A section's relation declarations:
//
//	relations:
//	  collaborates_with: roles                  # short form
//	  tools: {label: Tools, inverse: Used by}    # labels for both directions
//	  skills: {scale: [awareness, working, expert], min: 3}
//	fields:                                     # the pages' schema
//	  category: {type: string, required: true, values: [Languages, Platforms]}
//
// And further:
//
//   - A relation with a scale takes, in its mapping form, one of the
//     scale's levels per link; without a scale the qualifier is free text.
//     Groups carrying qualifiers (Group.Quals) are ordered by the scale,
//     highest first, then by title, in both directions.
//
//   - A section that declares fields has a closed schema (schema.go): a
//     page field it does not declare, a required field missing, a value of
//     the wrong type or not allowed, and a relation with fewer than min or
//     more than max links are problems at the field.
//
//   - Relations are two-way: each target page lists the pages naming it,
//     grouped by source section and field, labelled with the declaration's
//     inverse (default: the source section's title).
//
//   - A body link is a relative link to a .md file, with or without
//     #fragment; it resolves to the target's URL and the fragment must be
//     one of the target's heading IDs.
//
//   - Pages are ordered by order/weight (pages with one come first), then
//     title, then slug; sections likewise by their _index.md.
//
//   - Draft pages are left out unless Options.Drafts; relations to a left-out
//     page are dropped, body links to one are an error.
//
//   - A section that declares compare: true has its pages compared
//     (compare.go). A page's Profile is what it brings to a comparison:
//     each relation in declaration order, then each list of strings;
//     Compare(a, b) sets two profiles side by side (shared, only a, only b)
//     and, for relations with a scale, lists the gap: what b has at a
//     higher level than a. ComparePartners names the pairs worth a page of
//     their own, a bounded number a page: the targets of its qualified
//     relations within the section (career moves), then its closest
//     neighbour (Related's ranking). So the pre-rendered comparisons grow
//     with the site, not with the square of a section; any other pair is
//     compared from the profiles (render's section comparison page).
//
//   - Names are compared in one Unicode form (NFC): a file the file system
//     stored decomposed and a link typed composed name the same page.
//
// Resolve collects every problem with its position rather than stopping at
// the first, and suggests the nearest slug, field or heading for near misses.
//
// The Site Resolve returns is immutable: nothing in it, its pages or the
// content.Pages they point to changes afterwards (a build test hashes the
// whole graph before and after rendering). Pages carry no converted body
// or plain text: the build keeps those in a store of its own and hands
// them to rendering and search.
//
// What a page's body gives the site (its headings, links and images, the
// links resolved) is not in the Page but in the site's Body of it
// (Site.Body), so that after edits of page bodies alone, front matter and
// heading IDs as they were, Rebody makes the new site from the last one
// without resolving it again: a copy of the Site that shares every Page,
// Section and Group, with new Bodies for the edited pages and their links
// resolved. Nothing another page shows of a page comes from its body but
// its heading IDs, which a body link's fragment is checked against. At
// 10,000 pages Resolve takes 65–80 ms on two cores; Rebody of one page,
// well under one. After other edits, ResolveAfter resolves the whole site
// but takes two things of the pages whose files did not change from the
// last site: their resolved body links, when the same paths name pages
// and no changed page lost a heading ID (they go where they went); and
// their outgoing relations, when the same paths name pages, the same
// drafts are left out and every section declares what it did (they name
// the pages of the same paths; a qualified group naming a changed page is
// sorted again, its title perhaps new).
package site
