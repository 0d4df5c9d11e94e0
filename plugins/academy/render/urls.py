"""Where generated pages live: the URL layout every output agrees on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteUrls:
    """Where generated pages live, as MkDocs lays them out."""

    use_directory_urls: bool = True

    def page(self, section: str, item_id: str) -> str:
        return f"{section}/{item_id}/" if self.use_directory_urls else f"{section}/{item_id}.html"

    def module(self, module_id: str) -> str:
        return self.page("modules", module_id)

    def path(self, path_id: str) -> str:
        return self.page("paths", path_id)

    def quiz(self, quiz_id: str) -> str:
        return self.page("quizzes", quiz_id)

    def certificate(self, path_id: str) -> str:
        return self.page(f"paths/{path_id}", "certificate")

    def base_of(self, page_url: str) -> str:
        """Relative prefix from a page URL (``modules/x/``) back to the site root."""
        return "../" * page_url.count("/")
