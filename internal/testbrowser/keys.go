package testbrowser

import (
	"context"
	"fmt"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Press presses each key in turn, as a person does: a keydown carrying the
// text, which the browser turns into keypress and input only when the page
// does not prevent it, then a keyup. Keys are runes of package kb, such as
// kb.ArrowDown, kb.Enter or "/". (chromedp.KeyEvent sends the text as an
// event of its own, which types "/" into a box after the page has
// prevented it, and submits a form on Enter after the page has handled it.)
func Press(keys string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, r := range keys {
			k, ok := kb.Keys[r]
			if !ok {
				return fmt.Errorf("no key for %q", r)
			}
			down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: k.Key, Code: k.Code,
				WindowsVirtualKeyCode: k.Windows, NativeVirtualKeyCode: k.Native}
			if k.Print {
				down.Text, down.UnmodifiedText = k.Text, k.Unmodified
			}
			if k.Shift {
				down.Modifiers = int64(kb.ModifierShift)
			}
			up := down
			up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
			for _, ev := range []input.DispatchKeyEventParams{down, up} {
				if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, ev); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
