-- Videos this node knows: its own publications now, other channels' entries later.
CREATE TABLE video (
    video_id      VARCHAR(16)   PRIMARY KEY,
    infohash      CHAR(40)      NOT NULL,
    channel_key   CHAR(64),                -- NULL: published by this node's own identity
    title         VARCHAR(300)  NOT NULL,
    description   VARCHAR(5000) NOT NULL DEFAULT '',
    file_name     VARCHAR(255)  NOT NULL,
    size_bytes    BIGINT        NOT NULL,
    published_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX video_infohash ON video(infohash);

CREATE TABLE video_tag (
    video_id  VARCHAR(16)  NOT NULL REFERENCES video(video_id) ON DELETE CASCADE,
    position  INT          NOT NULL,
    tag       VARCHAR(100) NOT NULL,
    PRIMARY KEY (video_id, position)
);
