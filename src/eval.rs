//! Scoring extracted text against labelled datasets.
