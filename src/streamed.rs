//! Content streamed in after the page's shell: React's server rendering with Suspense
//! sends the page with placeholders, then each finished part as a hidden
//! `<div hidden id="S:n">` at the end of the body, and a script moves it into place. The
//! browser shows the parts where the placeholders were; without a script runner they stay
//! hidden at the end and the page reads as its "Loading…" fallbacks. This module does the
//! script's move on the parsed tree.
//!
//! The markup: a boundary is `<!--$?--><template id="B:n"></template>fallback<!--/$-->`,
//! completed by the segment `S:n` (the fallback goes); a placeholder is
//! `<template id="P:n"></template>`, replaced by the segment `S:n`.

use std::collections::HashMap;
use std::rc::Rc;

use html5ever::local_name;
use markup5ever_rcdom::{Handle, NodeData};

use crate::parse::parent;
use crate::tuning::{MAX_STREAMED_SEGMENTS, STREAMED_FALLBACK_WORDS};

/// Whether `html` holds streamed segments (React writes them as `<div hidden id="S:…">`):
/// the tree is walked for them only then.
pub(crate) fn has_streamed_segments(html: &str) -> bool {
    memchr::memmem::find(html.as_bytes(), b"<div hidden id=\"S:").is_some()
}

/// The id of an element when it starts with `prefix` and goes on after it.
fn marker_id<'a>(attrs: &'a [html5ever::Attribute], prefix: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| a.name.local == local_name!("id"))
        .map(|a| &*a.value)
        .filter(|id| id.starts_with(prefix) && id.len() > prefix.len())
}

/// Move every streamed segment into the place its template holds: a boundary's fallback,
/// up to the `/$` comment closing it, goes; a placeholder template is replaced. Segments
/// without a template stay where they are (hidden), and so do templates without one, and
/// the templates past [`MAX_STREAMED_SEGMENTS`].
pub(crate) fn place_streamed_segments(document: &Handle) {
    let mut templates: Vec<(String, Handle)> = Vec::new();
    let mut segments: HashMap<String, Handle> = HashMap::new();
    let mut stack = vec![document.clone()];
    while let Some(node) = stack.pop() {
        if let NodeData::Element { name, attrs, .. } = &node.data {
            let attrs = attrs.borrow();
            if name.local == local_name!("template") {
                if let Some(id) = marker_id(&attrs, "B:").or_else(|| marker_id(&attrs, "P:")) {
                    templates.push((id.to_string(), node.clone()));
                }
            } else if name.local == local_name!("div")
                && attrs.iter().any(|a| a.name.local == local_name!("hidden"))
                && let Some(id) = marker_id(&attrs, "S:")
            {
                segments.insert(id[2..].to_string(), node.clone());
            }
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
    for (id, template) in templates.into_iter().take(MAX_STREAMED_SEGMENTS) {
        let Some(segment) = segments.remove(&id[2..]) else {
            continue;
        };
        place(&template, &segment, id.starts_with('B'));
    }
}

/// Whether `node` is the comment closing a Suspense boundary.
fn closes_boundary(node: &Handle) -> bool {
    matches!(&node.data, NodeData::Comment { contents } if &**contents == "/$")
}

/// How many of `after` (the nodes following a boundary's template) are its fallback when
/// the page lost the `/$` comment that closes it (savers and minifiers drop comments): the
/// first element, with the blank text before it, when it reads as a placeholder of at most
/// [`STREAMED_FALLBACK_WORDS`] words ("Loading paragraph..."); else none.
fn short_fallback(after: &[Handle]) -> usize {
    let Some(k) = after.iter().position(|n| !is_blank_text(n)) else {
        return 0;
    };
    let node = &after[k];
    if !matches!(node.data, NodeData::Element { .. }) {
        return 0;
    }
    let mut words = 0;
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        if let NodeData::Text { contents } = &n.data {
            words += contents.borrow().split_whitespace().count();
            if words > STREAMED_FALLBACK_WORDS {
                return 0;
            }
        }
        stack.extend(n.children.borrow().iter().cloned());
    }
    k + 1
}

/// Whether `node` is a text node of whitespace only.
fn is_blank_text(node: &Handle) -> bool {
    matches!(&node.data, NodeData::Text { contents } if contents.borrow().trim().is_empty())
}

/// Put the children of `segment` in the place of `template` (and, for a `boundary`, of
/// its fallback), and take `segment` out of the tree.
fn place(template: &Handle, segment: &Handle, boundary: bool) {
    let Some(target) = parent(template) else {
        return;
    };
    // The segment must not hold its own template (malformed input would make a cycle).
    let mut at = Some(target.clone());
    while let Some(node) = at {
        if Rc::ptr_eq(&node, segment) {
            return;
        }
        at = parent(&node);
    }
    if let Some(holder) = parent(segment) {
        holder
            .children
            .borrow_mut()
            .retain(|c| !Rc::ptr_eq(c, segment));
    }
    let moved = segment.children.take();
    for child in &moved {
        child.parent.set(Some(Rc::downgrade(&target)));
    }
    let mut children = target.children.borrow_mut();
    let Some(start) = children.iter().position(|c| Rc::ptr_eq(c, template)) else {
        return;
    };
    let end = if boundary {
        children[start..]
            .iter()
            .position(closes_boundary)
            .map_or_else(
                || start + 1 + short_fallback(&children[start + 1..]),
                |k| start + k,
            )
    } else {
        start + 1
    };
    children.splice(start..end, moved);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Limits, parse};

    /// The page's text in document order, each text node trimmed, with the text of
    /// `hidden` elements in brackets.
    fn text(html: &str) -> String {
        let (dom, _) = parse(
            html,
            Limits {
                max_depth: 512,
                max_nodes: 100_000,
            },
        );
        if has_streamed_segments(html) {
            place_streamed_segments(&dom.document);
        }
        let mut out = Vec::new();
        let mut stack = vec![(dom.document.clone(), false)];
        while let Some((node, hidden)) = stack.pop() {
            let hidden = hidden
                || matches!(&node.data, NodeData::Element { attrs, .. }
                    if attrs.borrow().iter().any(|a| a.name.local == local_name!("hidden")));
            if let NodeData::Text { contents } = &node.data {
                let t = contents.borrow().trim().to_string();
                if !t.is_empty() {
                    out.push(if hidden { format!("[{t}]") } else { t });
                }
            }
            let children = node.children.borrow();
            stack.extend(children.iter().rev().map(|c| (c.clone(), hidden)));
        }
        out.join(" ")
    }

    #[test]
    fn a_boundary_takes_its_segment_in_place_of_the_fallback() {
        let html = "<body><h1>Title</h1><!--$?--><template id=\"B:0\"></template>\
            <div>Loading…</div><!--/$--><p>After</p>\
            <div hidden id=\"S:0\"><p>First part</p><p>Second part</p></div></body>";
        assert_eq!(text(html), "Title First part Second part After");
    }

    #[test]
    fn a_placeholder_takes_its_segment_and_nested_boundaries_resolve() {
        let html = "<body><template id=\"P:1\"></template><p>End</p>\
            <div hidden id=\"S:1\"><p>Outer</p><!--$?--><template id=\"B:2\"></template>\
            <p>Wait</p><!--/$--></div><div hidden id=\"S:2\"><p>Inner</p></div></body>";
        assert_eq!(text(html), "Outer Inner End");
    }

    #[test]
    fn without_the_closing_comment_a_short_fallback_goes_and_text_stays() {
        let html = "<body><template id=\"B:0\"></template> <div>Loading paragraph...</div>\
            <template id=\"B:1\"></template><p>The next paragraph is the page's own text.</p>\
            <div hidden id=\"S:0\"><p>Part</p></div><div hidden id=\"S:1\"><p>More</p></div>\
            </body>";
        assert_eq!(
            text(html),
            "Part More The next paragraph is the page's own text."
        );
    }

    #[test]
    fn unmatched_and_self_holding_segments_stay_hidden() {
        let html = "<body><p>Shell</p><div hidden id=\"S:3\"><p>Orphan</p></div>\
            <div hidden id=\"S:4\"><template id=\"B:4\"></template><p>Loop</p></div></body>";
        assert_eq!(text(html), "Shell [Orphan] [Loop]");
    }

    #[test]
    fn pages_without_segments_are_not_walked() {
        assert!(!has_streamed_segments("<div hidden id=\"sidebar\">x</div>"));
        assert!(has_streamed_segments("<div hidden id=\"S:0\">x</div>"));
    }
}
