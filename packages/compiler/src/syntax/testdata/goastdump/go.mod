module goastdump

go 1.19
