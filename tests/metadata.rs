//! Metadata read from small hand-written pages, where the rule depends on where an element
//! stands in the page (the collector's unit tests in `src/metadata.rs` cover the rest).

use bodytext::Extractor;

/// Prose long enough to be kept as article text anywhere on a page.
const PROSE: &str = "The council met on Tuesday evening to settle the budget for the coming \
    year, and after a long debate the members agreed to fund the new library wing.";

fn authors(body: &str) -> Vec<String> {
    let html =
        format!("<html><head><title>Library wing funded</title></head><body>{body}</body></html>");
    Extractor::default().extract(&html, None).metadata.authors
}

#[test]
fn a_link_to_the_authors_page_names_the_author() {
    let story = format!(
        "<article><h1>Library wing funded</h1>\
         <p><a href=\"/blog/authors/jane-doe/\">Jane Doe</a></p><p>{PROSE}</p></article>"
    );
    assert_eq!(authors(&story), ["Jane Doe"]);
    // A site's columnists listed in its menu are not the story's authors.
    let menu = "<nav><ul><li><a href=\"/author/john-roe\">John Roe</a></li></ul></nav>";
    let story = format!("{menu}<article><h1>Library wing funded</h1><p>{PROSE}</p></article>");
    assert!(authors(&story).is_empty());
    // Nor is a link whose text is not the name its address spells.
    let story = format!(
        "<article><h1>Library wing funded</h1>\
         <p><a href=\"/author/jane-doe/\">More stories</a></p><p>{PROSE}</p></article>"
    );
    assert!(authors(&story).is_empty());
}

#[test]
fn a_link_to_the_authors_page_beside_the_name_names_the_author() {
    // "Articles by Jane" leads to the page of the name its parent shows in a block of its own.
    let story = format!(
        "<article><h1>Library wing funded</h1>\
         <div><div><p>Jane Doe</p><p>Tech Writer</p></div>\
         <a href=\"/blog/authors/jane-doe\">Articles by Jane</a></div><p>{PROSE}</p></article>"
    );
    assert_eq!(authors(&story), ["Jane Doe"]);
    // A name the address does not spell is someone else.
    let story = format!(
        "<article><h1>Library wing funded</h1>\
         <div><p>John Roe</p><a href=\"/blog/authors/jane-doe\">Articles by Jane</a></div>\
         <p>{PROSE}</p></article>"
    );
    assert!(authors(&story).is_empty());
}

#[test]
fn a_name_in_its_own_element_ends_a_byline_that_runs_on_into_the_job() {
    let story = format!(
        "<article><h1>Library wing funded</h1>\
         <div class=\"author-line\">Written by: <span class=\"author-name\">Jane Doe</span> \
         <span>Gardener &amp; Astrologer</span></div><p>{PROSE}</p></article>"
    );
    assert_eq!(authors(&story), ["Jane Doe"]);
    // The same with the name only in a link to the author's page.
    let story = format!(
        "<article><h1>Library wing funded</h1>\
         <div class=\"byline\">Written by: <a href=\"/author/jane-doe\">Jane Doe</a> \
         <span>Gardener &amp; Astrologer</span></div><p>{PROSE}</p></article>"
    );
    assert_eq!(authors(&story), ["Jane Doe"]);
}

#[test]
fn a_link_to_a_contributors_page_names_the_author() {
    let story = format!(
        "<article><h1>Library wing funded</h1>\
         <p>By <a href=\"/magazine/contributor/j._q._doe\">J. Q. Doe</a> \
         <a href=\"/issue/12\">View in digital edition</a></p><p>{PROSE}</p></article>"
    );
    assert_eq!(authors(&story), ["J. Q. Doe"]);
}

#[test]
fn bylines_among_comments_and_other_stories_come_last() {
    // A byline in a list of related stories before the story's own.
    let story = format!(
        "<div class=\"related-posts\"><a href=\"/other\">Another story</a> \
         <span class=\"byline\">John Roe</span></div>\
         <article><h1>Library wing funded</h1><p class=\"byline\">Jane Doe</p>\
         <p>{PROSE}</p></article>"
    );
    assert_eq!(authors(&story), ["Jane Doe"]);
    // A commenter does not replace the site's own name as the author.
    let html = format!(
        "<html><head><title>Library wing funded</title>\
         <meta property=\"og:site_name\" content=\"Example News\">\
         <meta name=\"author\" content=\"Example News\"></head><body>\
         <article><h1>Library wing funded</h1><p>{PROSE}</p></article>\
         <section class=\"comments\"><div class=\"comment-author\">John Roe</div>\
         <p>Thank you for this.</p></section></body></html>"
    );
    assert_eq!(
        Extractor::default().extract(&html, None).metadata.authors,
        ["Example News"]
    );
}

#[test]
fn a_title_whose_end_tag_is_garbled_ends_at_the_first_tag_it_swallowed() {
    let title = |head: &str| {
        let html = format!(
            "<html><head>{head}</head><body><article><p>{PROSE}</p></article></body></html>"
        );
        Extractor::default().extract(&html, None).title
    };
    // A crawl dropped bytes from `</title>`: the rest of the head became its text.
    let garbled = "<title>Library wing funded for next year</titavaScript\" src=\"/g.js\">\
                   </script><link rel=\"search\" href=\"/s.xml\"></title>";
    assert_eq!(title(garbled), "Library wing funded for next year");
    // A `<` that opens no tag is the title's own.
    assert_eq!(
        title("<title>=> Library wing <=</title>"),
        "=> Library wing <="
    );
    // Text longer than any title, with no tag to end it, is no title.
    let long = format!("<title>{}</title>", "word ".repeat(100));
    assert_eq!(title(&long), "");
}

#[test]
fn an_h1_set_in_two_elements_keeps_its_parts_apart() {
    // A headline and its subtitle in a span shown as a block, glued in the markup.
    let html = format!(
        "<html><head><title>Library wing funded</title></head><body><article>\
         <h1>Library wing funded<span class=\"block\">Council agrees the budget</span></h1>\
         <p>{PROSE}</p></article></body></html>"
    );
    let title = Extractor::default().extract(&html, None).metadata.title;
    assert_eq!(
        title.as_deref(),
        Some("Library wing funded Council agrees the budget")
    );
}
