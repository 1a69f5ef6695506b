//! The curated gazetteer: `actors.toml`, one `[[actor]]` per person or
//! organization, with the spellings the texts use.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Result};
use crate::input::Snapshot;

/// The name of the gazetteer file inside a corpus folder.
pub const GAZETTEER_FILE: &str = "actors.toml";

/// Person or organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorType {
    /// A person.
    Person,
    /// An organization (group, government, agency, outlet …).
    Organization,
}

impl ActorType {
    /// The name used in the tables.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Organization => "organization",
        }
    }
}

/// One curated actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    /// Stable slug.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Person or organization.
    pub kind: ActorType,
    /// Category (armed_group, government, media, analyst …).
    pub category: Option<String>,
    /// Other spellings (the name itself is always matched too).
    pub aliases: Vec<String>,
}

/// A validated gazetteer.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// The actors, in file order.
    pub actors: Vec<Actor>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGazetteer {
    #[serde(default)]
    actor: Vec<RawActor>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawActor {
    id: toml::Spanned<String>,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    category: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

impl Gazetteer {
    /// Reads `DIR/actors.toml`; a corpus without one has an empty gazetteer.
    pub fn load(root: &Path) -> Result<Gazetteer> {
        Gazetteer::load_snapshot(root).map(|(g, _)| g)
    }

    /// [`Gazetteer::load`], with the [`Snapshot`] of the bytes read (to
    /// tell at the end of a build whether the file changed meanwhile).
    pub fn load_snapshot(root: &Path) -> Result<(Gazetteer, Snapshot)> {
        let path = root.join(GAZETTEER_FILE);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok((Gazetteer::default(), Snapshot::of(&path, None)));
        }
        let bytes = crate::read_regular(&path)?;
        let text = crate::decode(&path, &bytes)?;
        Ok((Gazetteer::parse(&path, text)?, Snapshot::of(&path, Some(&bytes))))
    }

    /// Validates gazetteer `text` read from `path`: unique ids, non-empty
    /// names and aliases, no spelling claimed by two actors.
    pub fn parse(path: &Path, text: &str) -> Result<Gazetteer> {
        let raw: RawGazetteer =
            toml::from_str(text).map_err(|e| crate::catalog::toml_error(path, text, 0, &e))?;
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut spellings: HashMap<String, (String, usize)> = HashMap::new();
        let mut actors = Vec::with_capacity(raw.actor.len());
        let lines = crate::catalog::Lines::new(text);
        for a in raw.actor {
            let line = lines.line(a.id.span().start);
            let id = a.id.get_ref().clone();
            let fail = |message: String| {
                Error::new(path, ErrorKind::Gazetteer { id: Some(id.clone()), line: Some(line), message })
            };
            crate::entry::check_id(&id).map_err(fail)?;
            if let Some(first) = ids.insert(id.clone(), line) {
                return Err(fail(format!("duplicate id (first used on line {first})")));
            }
            let name = a.name.trim().to_string();
            if name.is_empty() {
                return Err(fail("the name is empty: give the actor's canonical name".into()));
            }
            let kind = match a.kind.as_str() {
                "person" => ActorType::Person,
                "organization" => ActorType::Organization,
                other => return Err(fail(format!("type '{other}' must be 'person' or 'organization'"))),
            };
            let mut aliases = Vec::new();
            for alias in a.aliases {
                let alias = alias.trim().to_string();
                if alias.is_empty() {
                    return Err(fail("an alias is empty: remove it".into()));
                }
                if alias != name && !aliases.contains(&alias) {
                    aliases.push(alias);
                }
            }
            for spelling in std::iter::once(&name).chain(&aliases) {
                let key = spelling.to_lowercase();
                match spellings.get(&key) {
                    Some((other, other_line)) if *other != id => {
                        return Err(fail(format!(
                            "'{spelling}' is also claimed by actor '{other}' (line {other_line}): \
                             a spelling can name only one actor"
                        )));
                    }
                    _ => {
                        spellings.insert(key, (id.clone(), line));
                    }
                }
            }
            let category = a.category.map(|c| c.trim().to_string()).filter(|c| !c.is_empty());
            actors.push(Actor { id, name, kind, category, aliases });
        }
        Ok(Gazetteer { actors })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Gazetteer> {
        Gazetteer::parse(Path::new("corpus/actors.toml"), text)
    }

    fn error(text: &str) -> String {
        parse(text).expect_err("must be rejected").to_string()
    }

    #[test]
    fn a_valid_gazetteer_loads() {
        let g = parse(
            "[[actor]]\nid = \"al-qaeda\"\nname = \"Al Qaeda\"\ntype = \"organization\"\n\
             category = \"armed_group\"\naliases = [\"al-Qaeda\", \"AQ\", \"Al Qaeda\"]\n",
        )
        .expect("valid");
        assert_eq!(g.actors[0].aliases, vec!["al-Qaeda".to_string(), "AQ".to_string()]);
        assert_eq!(g.actors[0].kind, ActorType::Organization);
    }

    #[test]
    fn an_alias_claimed_by_two_actors_is_rejected() {
        let msg = error(
            "[[actor]]\nid = \"a\"\nname = \"Islamic State\"\ntype = \"organization\"\naliases = [\"IS\"]\n\n\
             [[actor]]\nid = \"b\"\nname = \"Islamic State Khorasan\"\ntype = \"organization\"\naliases = [\"is\"]\n",
        );
        assert!(
            msg.contains("actors.toml:8: actor 'b': 'is' is also claimed by actor 'a' (line 2)"),
            "{msg}"
        );
    }

    #[test]
    fn empty_names_empty_aliases_duplicate_ids_and_bad_types_are_rejected() {
        let msg = error("[[actor]]\nid = \"a\"\nname = \" \"\ntype = \"person\"\n");
        assert!(msg.contains("actor 'a': the name is empty"), "{msg}");
        let msg = error("[[actor]]\nid = \"a\"\nname = \"A\"\ntype = \"person\"\naliases = [\"\"]\n");
        assert!(msg.contains("an alias is empty"), "{msg}");
        let msg = error(
            "[[actor]]\nid = \"a\"\nname = \"A\"\ntype = \"person\"\n[[actor]]\nid = \"a\"\nname = \"B\"\ntype = \"person\"\n",
        );
        assert!(msg.contains(":6: actor 'a': duplicate id (first used on line 2)"), "{msg}");
        let msg = error("[[actor]]\nid = \"a\"\nname = \"A\"\ntype = \"group\"\n");
        assert!(msg.contains("type 'group' must be 'person' or 'organization'"), "{msg}");
        let msg = error("[[actor]]\nid = \"a\"\nname = \"A\"\ntype = \"person\"\nalias = []\n");
        assert!(msg.contains("unknown field `alias`") && msg.contains("did you mean `aliases`?"), "{msg}");
    }
}
