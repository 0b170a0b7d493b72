// Zed starts only the language servers an extension names: this one names
// postedit's and runs the `postedit-lsp` command found on the PATH.
use zed_extension_api::{self as zed, LanguageServerId, Result};

struct PosteditExtension;

impl zed::Extension for PosteditExtension {
    fn new() -> Self {
        PosteditExtension
    }

    fn language_server_command(&mut self, _id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let command = worktree
            .which("postedit-lsp")
            .ok_or_else(|| "postedit-lsp is not on the PATH: run `npm install --global postedit`".to_string())?;
        Ok(zed::Command { command, args: vec![], env: worktree.shell_env() })
    }
}

zed::register_extension!(PosteditExtension);
