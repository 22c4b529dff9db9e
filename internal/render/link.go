package render

import (
	"bytes"
	"html/template"
	"sync"
)

// A linker is the templates' link function: {{link .}} writes a Link as
// <a href="URL">Title</a>, escaped by html/template exactly as that markup
// written in a template's HTML body would be. It remembers each link it
// wrote: the same page is linked from hundreds of others, and a template
// action costs a reflective call per escaper (three for an href), so a
// page of forty links spends a fifth of its time there.
//
// Each copy of the templates (see Templates.Copies) has its own linker;
// its lock is then only ever taken by one worker.
type linker struct {
	tpl *template.Template

	mu   sync.Mutex
	buf  bytes.Buffer
	memo *htmlMemo // by URL and title
}

// maxLinkBytes bounds a linker's memory in a long-running server, where
// titles change: past it, the linker starts again from nothing.
const maxLinkBytes = 64 << 20

func newLinker() *linker {
	return &linker{
		tpl:  template.Must(template.New("link").Parse(`<a href="{{.URL}}">{{.Title}}</a>`)),
		memo: newHTMLMemo(maxLinkBytes),
	}
}

func (l *linker) link(v Link) (template.HTML, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	k := l.memo.newKey()
	k.str(v.URL)
	k.str(v.Title)
	if h, ok := l.memo.get(); ok {
		return h, nil
	}
	l.buf.Reset()
	if err := l.tpl.Execute(&l.buf, v); err != nil {
		return "", err
	}
	h := template.HTML(l.buf.String())
	l.memo.put(h) // under the key written above: the lock is held

	return h, nil
}
