"""Rule packs: the rule model and selection (model), loading and validation (loading), and the
YAML files kept in the cache folder as JSON (yaml_cache)."""

from policylint.packs.loading import default_rules_dir, load_pack
from policylint.packs.model import BUILTIN, DEFAULT_PROFILE, Pack, PackError, Profile, Rule

__all__ = ["BUILTIN", "DEFAULT_PROFILE", "Pack", "PackError", "Profile", "Rule", "default_rules_dir", "load_pack"]
