"""Member login on the public site: members and elected members read members-only
pages and documents without admin access. Staff keep using /admin/login/."""
