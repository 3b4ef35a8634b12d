"""What make-parse-corpus.py and make-independent-corpus.py share: reading article sources,
wrapping prose as a desk types it, laying stories out one after another in a file, and writing
a split of bulletins with their truth. Each script keeps its own desks, layouts and stories.
"""
import json
import os
import random
import textwrap


def load(folder, name):
    """The articles of one JSON Lines source file."""
    with open(os.path.join(folder, name), encoding='utf-8') as source:
        return [json.loads(line) for line in source]


def wrap(text, layout, indent_first=True):
    """A paragraph's lines: one line in files that do not wrap ('blank', 'lines'), otherwise
    wrapped at the layout's width; an indented first line ends at the same right margin."""
    if layout.paragraphs in ('blank', 'lines'):
        return [text]
    first = ' ' * layout.indent if (layout.paragraphs == 'indented' and indent_first) else ''
    return textwrap.wrap(text, width=layout.width, initial_indent=first, break_long_words=False,
                         break_on_hyphens=False)


def lay_out(articles, layout, rng, render):
    """The file's text and its stories' truth: `render(article)` gives a story's lines and truth;
    stories are kept apart by the layout's rule (with a blank line or none either side) or gap."""
    lines, truth = [], []
    for index, article in enumerate(articles):
        if index > 0:
            if layout.separator == 'rule':
                lines += [''] * rng.choice([0, 1]) + [layout.rule] + [''] * rng.choice([0, 1])
            else:
                lines += [''] * layout.story_gap
        story_lines, story_truth = render(article)
        lines += story_lines
        truth.append(story_truth)
    return '\n'.join(lines) + '\n', truth


def write_split(folder, count, seed, build):
    """Writes NNNN.txt and NNNN.truth.json for `count` bulletins into `folder` (emptied first);
    bulletin N is `build(random.Random(f'{seed}-{N}'))`, so every run writes the same files."""
    os.makedirs(folder, exist_ok=True)
    for stale in os.listdir(folder):
        os.remove(os.path.join(folder, stale))
    for number in range(count):
        text, truth = build(random.Random(f'{seed}-{number}'))
        name = f'{number:04d}'
        with open(os.path.join(folder, name + '.txt'), 'w', encoding='utf-8') as out:
            out.write(text)
        with open(os.path.join(folder, name + '.truth.json'), 'w', encoding='utf-8') as out:
            json.dump(truth, out, ensure_ascii=False, indent=1)
    print(f'{folder}: {count} bulletins')
