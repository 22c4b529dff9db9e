-- Drives rolesite lsp from headless Neovim (0.7 or later): opens a page
-- with a bad slug, waits for the diagnostic, asks for completion in the
-- same relation, renames the page a body link names and writes every
-- buffer, writes what it saw to $OUT, and stops the server.
local dir, bin, out = os.getenv("SITE"), os.getenv("ROLESITE"), os.getenv("OUT")
local lines = {}
local function say(s) table.insert(lines, s) end

local id = vim.lsp.start_client({ name = "rolesite", cmd = { bin, "lsp", "--src", dir }, root_dir = dir })
if not id then
  say("error\tthe client did not start")
else
  vim.cmd("edit " .. dir .. "/content/roles/a.md")
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, id)
  if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
    say("error\tno diagnostics within 20 s")
  end
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    say(string.format("diag\t%d:%d\t%s", d.lnum, d.col, d.message))
  end
  -- line 2 is "tools: [pyhton, ]": complete after ", ".
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 2, character = 16 } }
  local res, err = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, 20000)
  if err then say("error\t" .. tostring(err)) end
  for _, r in pairs(res or {}) do
    if r.err then say("error\t" .. vim.inspect(r.err)) end
    local items = r.result and (r.result.items or r.result) or {}
    for _, it in ipairs(items) do say("item\t" .. it.label) end
  end
  -- line 4 is "See [Python](../tools/python.md).": rename from the link.
  params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 4, character = 20 }, newName = "cpython" }
  res, err = vim.lsp.buf_request_sync(buf, "textDocument/rename", params, 20000)
  if err then say("error\t" .. tostring(err)) end
  for _, r in pairs(res or {}) do
    if r.err then say("error\t" .. vim.inspect(r.err)) end
    if r.result then
      vim.lsp.util.apply_workspace_edit(r.result, "utf-16")
      say("renamed")
    end
  end
  vim.cmd("silent! wall")
  vim.lsp.stop_client(id)
  vim.wait(10000, function() return vim.lsp.get_client_by_id(id) == nil end, 50)
end
local f = assert(io.open(out, "w"))
f:write(table.concat(lines, "\n") .. "\n")
f:close()
vim.cmd("qa!")
