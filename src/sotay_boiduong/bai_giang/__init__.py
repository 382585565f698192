"""Lecture materials made from each lesson: an editable PowerPoint deck with speaker notes and a lesson plan
(kế hoạch bài giảng) in Word, in each language, built with the site (hooks/slides.py).

- `text`: what a slide is made of, read from the lesson's Markdown (headings, blocks, sentences, words);
- `deck`: the rules that choose the slides and their words, as data (no PowerPoint);
- `powerpoint`: the deck written with python-pptx, on a master in the handbook's colours and Noto Sans;
- `plan`: the lesson plan written with python-docx;
- `pictures`: each diagram drawn by Graphviz as a PNG for its slide;
- `layout`: sizes, colours, fonts and the measure of text;
- `words`: the labels the site's interface strings do not have, in each language;
- `build`: every lesson of a language, with a cache keyed by a hash of what the files are made from.
"""
