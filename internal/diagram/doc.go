// Package diagram draws the ML lifecycle as SVG at build time: the stages
// in order, the loops back, and for each stage the roles active in it,
// every stage and role a link. The browser runs no script to show it.
//
// # What it owns
//
// Lifecycle takes stages (each with its roles) and loops, and returns
// markup to place inside <figure class="lifecycle">. It knows nothing of
// pages, sections or templates: titles and URLs arrive ready to print, and
// everything it prints is escaped for XML; a URL whose scheme is not http,
// https or mailto becomes "#". The same input gives the same bytes.
//
// # The drawing
//
//	↑  (1)  Data collection      [Data Engineer] [Data Scientist]
//	│   │                        [Analytics Engineer]
//	│   ▼
//	│  (2)  Data preparation     [Data Engineer]
//	│   ⋮
//	└→(12)  Monitoring           [MLOps Engineer] [ML Engineer]
//	        ↻ back to 1. Data collection
//
// Stages run top to bottom along a spine of numbered circles; each loop
// runs in its own lane left of the spine, from the circle it leaves to the
// circle it returns to, and is also written out under the stage it leaves.
// The roles of a stage are chips that flow left to right and wrap, so a
// stage with many roles grows taller, never wider.
//
// Two drawings are returned, because no single drawing reads well at both
// 390 and 1280 px: "lifecycle-wide" (720 px, titles in a column with the
// chips beside them) and "lifecycle-narrow" (350 px, chips under each
// title). static/css/diagram.css shows one, by a container query on the
// figure's width; the other is display:none, so neither screen readers nor
// keyboards meet it twice.
//
// Text cannot be measured at build time, so widths are estimated per rune
// for a wide sans serif and erring wide (measure.go); titles wrap and role
// names that would not fit a whole line are cut with "…" (the full name
// is then the link's <title>; a chip whose name fits has none, its text
// names its link). Tests check, from the layout data, that no two boxes
// overlap and that all stay inside the drawing, and, when Chromium is
// installed, that the real text fits its boxes.
//
// # Accessibility and the strict CSP
//
// Each <svg> is role="group" and named by its <title>, with a <desc>
// telling the whole cycle in words. The stages form a list; each stage's
// link is titled "Stage 3 of 12: Training", its roles are a group named
// "Roles in Training", and each loop note is a link back to its stage. The
// arrows are aria-hidden, and drawn as four paths (spine, heads, loops,
// loop heads) so that they add four elements to the page, not some forty:
// the two drawings are most of the home page's elements. There are no ids
// (two drawings share a page), no style attributes and no <style>
// element: colours come only from classes
// styled in static/css/diagram.css with the theme's custom properties
// (--bg, --fg, --muted, --accent, --border, --surface).
package diagram
