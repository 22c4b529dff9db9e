// Package lsptest is a Language Server Protocol client for tests: it
// drives a server over a byte stream (a pipe to an in-process server, or
// a child process's stdin and stdout), answers nothing but records what
// the server publishes, and lays a txtar site out in a folder.
package lsptest
